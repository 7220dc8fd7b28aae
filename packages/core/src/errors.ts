/**
 * The one error class of Juesuan. Findings are data (see rules/); errors are for input that cannot
 * be read at all. `code` is stable: the CLI maps it to an exit code and the server to an HTTP status.
 */
export const ErrorCode = {
  BadAmount: 'E_BAD_AMOUNT',
  BadPercent: 'E_BAD_PERCENT',
  BadInput: 'E_BAD_INPUT',
  BadSyntax: 'E_BAD_SYNTAX',
  NotDataFile: 'E_NOT_DATA_FILE',
  UnknownCode: 'E_UNKNOWN_CODE',
  DuplicateRow: 'E_DUPLICATE_ROW',
  WrongParent: 'E_WRONG_PARENT',
  TooLarge: 'E_TOO_LARGE',
  BadCatalogue: 'E_BAD_CATALOGUE',
  BadConfig: 'E_BAD_CONFIG',
  NotFound: 'E_NOT_FOUND',
  /** An external program (LibreOffice, poppler …) needed for an output format is not installed. */
  MissingTool: 'E_MISSING_TOOL',
  /** An external program ran but failed or timed out. */
  ToolFailed: 'E_TOOL_FAILED',
  /** A document needs a password to open (an encrypted PDF). */
  Encrypted: 'E_ENCRYPTED',
  /** A document of a kind the readers do not take (XLSX, images, .doc, OFD …). */
  UnsupportedFormat: 'E_UNSUPPORTED_FORMAT',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One problem found while reading input: where it is and what is wrong, in Chinese. */
export interface InputProblem {
  /** File name as the user gave it, when known. */
  file?: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** Field path such as `tables.t5.rows[3].total`. */
  path?: string;
  message: string;
}

export class JuesuanError extends Error {
  readonly code: ErrorCode;
  readonly problems: InputProblem[];

  constructor(code: ErrorCode, message: string, problems: InputProblem[] = []) {
    super(message);
    this.name = 'JuesuanError';
    this.code = code;
    this.problems = problems;
  }
}

/** Formats a problem as "文件:行:列 字段 消息" for people. */
export function formatProblem(p: InputProblem): string {
  const where = [
    p.file,
    p.line !== undefined ? String(p.line) : undefined,
    p.column !== undefined ? String(p.column) : undefined,
  ]
    .filter((x) => x !== undefined)
    .join(':');
  const parts = [where, p.path ? `字段 ${p.path}` : '', p.message].filter((s) => s !== '');
  return parts.join('  ');
}
