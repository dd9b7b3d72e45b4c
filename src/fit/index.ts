// Public names of src/fit/ (re-exports only).
export {};
