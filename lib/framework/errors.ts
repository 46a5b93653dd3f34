/**
 * Errors with a message that names what was wrong and what was expected.
 *
 * @module
 */

/** A gradient coordinate was NaN or ±∞; the state was left unchanged. */
export class NonFiniteGradientError extends Error {
  /** The step (1-based) whose gradient was rejected. */
  readonly step: number;
  /** The first offending coordinate. */
  readonly coordinate: number;
  /** Its value. */
  readonly value: number;

  /**
   * An error whose message names the step, the coordinate and the value.
   *
   * @param step the 1-based step whose gradient was rejected
   * @param coordinate the index of the first non-finite coordinate
   * @param value that coordinate's value (NaN or ±∞)
   */
  constructor(step: number, coordinate: number, value: number) {
    super(
      `non-finite gradient at step ${step}, coordinate ${coordinate}: ${value} ` +
        `(expected a finite number; the optimizer state was left unchanged)`,
    );
    this.name = "NonFiniteGradientError";
    this.step = step;
    this.coordinate = coordinate;
    this.value = value;
  }
}
