// synthlab's public API: re-exports only (see ../README.md and API.md).
export * from "./core/index.js";
export * from "./random/index.js";
export * from "./io/index.js";
export * from "./datasets/index.js";
export * from "./fit/index.js";
export * from "./tabular/index.js";
export * from "./quality/index.js";
export * from "./report/index.js";
export * from "./rules/index.js";
export * from "./image/index.js";
export * from "./neural/index.js";
