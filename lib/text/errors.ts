/** Raised for input the text stage cannot turn into Chinese text; the message is one line, for people. */
export class TextInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TextInputError";
  }
}
