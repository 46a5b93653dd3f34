/**
 * Split a text stream into lines (what std's TextLineStream does; std is not
 * reachable here).
 *
 * @module
 */

/** A TransformStream from text chunks to lines without their line ends. */
export class TextLineStream extends TransformStream<string, string> {
  /** Create the stream. */
  constructor() {
    let buffer = "";
    super({
      transform(chunk, controller) {
        buffer += chunk;
        const parts = buffer.split(/\r?\n/);
        buffer = parts.pop() ?? "";
        for (const line of parts) controller.enqueue(line);
      },
      flush(controller) {
        if (buffer) controller.enqueue(buffer);
      },
    });
  }
}
