export { DataError, isSynthlabError, ParamError, ParamTypeError, type SynthlabErrorFields } from "./errors.js";
