// Public names of src/tabular/ (re-exports only): tables in, tables out.
export { CONSTRAINT_TYPES, isPiiSdtype, PII_SDTYPES, SDTYPES, type ColumnMetadata, type Constraint, type ConstraintType, type PiiSdtype, type Sdtype } from "./types.js";
export { Metadata, type MetadataJSON } from "./metadata.js";
export { detectIdFormat, detectMetadata, type DetectMetadataOptions } from "./detect-metadata.js";
export { compileDatetimeFormat, datetimeResolution, detectDatetimeFormat, formatDatetime, parseDatetime, scanDatetimeFormat, type CompiledDatetimeFormat, type DetectDatetimeFormatOptions } from "./datetime-format.js";
export { detectConstraints, DETECTABLE_CONSTRAINT_TYPES, type DetectConstraintsOptions } from "./constraints/detect-constraints.js";
export { checkConstraintSpec, constraintFromJSON, fitConstraint, type FittedConstraint } from "./constraints/constraint.js";
export { linearValue } from "./constraints/linear.js";
export { TableSynthesizer, type BaseSynthesizerOptions, type SampleOptions, type SynthesizerJSON } from "./synthesizer.js";
export { GaussianCopulaSynthesizer, type GaussianCopulaOptions } from "./gaussian-copula.js";
export { CartSynthesizer, type CartSmoothing, type CartSynthesizerOptions } from "./cart.js";
export {
  GaussianMixtureSynthesizer,
  KdeSynthesizer,
  MultivariateNormalSynthesizer,
  MungeSynthesizer,
  SmoteSynthesizer,
  type GaussianMixtureSynthesizerOptions,
  type KdeSynthesizerOptions,
  type MultivariateNormalSynthesizerOptions,
  type MungeSynthesizerOptions,
  type SmoteSynthesizerOptions,
} from "./fitter-synthesizers.js";
export { createSynthesizer, listSynthesizers, loadSynthesizer, type SynthesizerMethod, type SynthesizerOptionsByMethod } from "./create.js";
export { generatePersonalData, PERSONAL_DATA_LOCALES, RealValueFilter, type PersonalDataLocale, type PersonalDataOptions, type RealValueFilterJSON } from "./personal-data.js";
export { generateIds, generatePatternIds, idPatternSize, idPatternToRegExp, inferIdFormat, inferIdPattern, type IdCharClass, type IdFormat, type IdOptions, type IdPattern, type IdPatternSlot } from "./ids.js";
