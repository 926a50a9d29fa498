/** A refused request: `message` and each problem's message are keys under "errors" in the messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: { field: string; message: string }[],
  ) {
    super(message);
    this.name = "ApiError";
  }
}
