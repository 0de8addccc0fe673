/** A dataset's preview table as a chunk of its own (the default export), loaded when a preview is first opened. */
export { PreviewTable as default } from "../components/PreviewTable";
