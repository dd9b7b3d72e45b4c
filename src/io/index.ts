export { readCsv, readText, writeCsv } from "./csv-file.js";
export { DATASET_NAMES, loadBreastCancer, loadDataset, loadDigits, loadIris, loadWine, type Dataset, type DatasetName } from "./datasets.js";
export { DATA_DIR, PACKAGE_ROOT } from "./paths.js";
export { loadTable, TABLE_NAMES, type TableName } from "./tables.js";
export { loadDigitImages, loadSampleImage, readImage, SAMPLE_IMAGE_NAMES, writeImage, type SampleImageName } from "./image-file.js";
export { csvBytes, CsvStreamWriter, type CsvStreamWriterOptions } from "./csv-writer.js";
export { ParquetStreamWriter, type ParquetStreamWriterOptions } from "./parquet-writer.js";
