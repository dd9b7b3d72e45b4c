export { COLORS, isFigure, REAL_COLOR, SYNTHETIC_COLOR, type Figure } from "./figure.js";
export { bars, heatmap, histogram, overlaidHistograms, scatter, subplots, toArray, type FigureOptions } from "./figures.js";
export { figureHTML, renderFragment, renderHTML, type Block, type ReportDocument, type ReportSection } from "./document.js";
export { inNotebook, loadPlotly, progress, show, type DocumentRenderable, type HTMLRenderable, type Progress } from "./display.js";
export { plotlyBundle } from "./plotly.js";
export { writeReport, type ReportContent } from "./write.js";
