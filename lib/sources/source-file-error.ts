/** A problem in a source file, located by file and line so an editor can jump to it. */
export class SourceFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = "SourceFileError";
  }
}
