// Public names of src/datasets/ (re-exports only).
export {};
