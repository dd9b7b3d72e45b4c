// Public names of src/rules/ (re-exports only): rule-based generators.
export { field, type ChoiceOptions, type DateUnit, type DatetimeOptions, type FakeOptions, type Field, type FieldType, type FieldValue, type NumberFieldOptions, type PatternOptions, type RuleRow, type SequenceOptions } from "./field.js";
export { fakerPaths, PERSONAL_DATA_PATHS } from "./fake.js";
export { rules, RuleGenerator, type CorrelationSpec, type RowOf, type RuleChunkOptions, type RuleSampleOptions, type RuleSpec, type RulesOptions } from "./rules.js";
export { gallery, gallerySchema, type GalleryName, type GalleryOptions } from "./gallery.js";
