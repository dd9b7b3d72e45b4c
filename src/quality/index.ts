// Public names of src/quality/ (re-exports only).
export {};
