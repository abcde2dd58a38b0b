/** Thrown when the input cannot be an article: empty, without letters, or too long. */
export class ExtractionInputError extends Error {
  override readonly name = 'ExtractionInputError';
  constructor(message: string) {
    super(message);
  }
}
