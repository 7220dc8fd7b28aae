/**
 * Output helpers for the commands: progress and hints that --quiet silences, and colour only where main decided
 * a stream may be coloured (a TTY, no --no-color, no NO_COLOR). main.ts does not import this module, so that
 * `juesuan --help` loads no chunk shared with the commands.
 */
import type { Io } from './main.ts';

/** Progress or a hint: to `io.note`, else standard error. */
export function note(io: Io, s: string): void {
  (io.note ?? io.err)(s);
}

const SGR = { red: '31', yellow: '33', green: '32', bold: '1' } as const;

/** `text` in a colour when the stream may be coloured. */
export function paint(io: Io, stream: 'out' | 'err', colour: keyof typeof SGR, text: string): string {
  return io.color?.[stream] ? `\x1b[${SGR[colour]}m${text}\x1b[0m` : text;
}
