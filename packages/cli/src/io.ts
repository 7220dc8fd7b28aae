/**
 * The CLI's file system: reading inputs with limits (a path, or `-` for standard input), creating output
 * directories, and the one mapping of every file-system error (EEXIST, ENOTDIR, EACCES, ENOSPC, ENAMETOOLONG …) to
 * a Chinese message naming the path — used by every command through main's error handler.
 */
import { mkdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ErrorCode, JuesuanError } from '@juesuan/core';

/** How `-` (standard input) is named in messages. */
export const STDIN_NAME = '标准输入';

/** The name of an input in messages: `-` is standard input. */
export function inputName(file: string): string {
  return file === '-' ? STDIN_NAME : file;
}

/** A Node file-system error (it has a code like ENOENT and the system call that failed). */
export function isFsError(e: unknown): e is NodeJS.ErrnoException & { code: string } {
  return (
    e instanceof Error &&
    typeof (e as NodeJS.ErrnoException).code === 'string' &&
    /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code!) &&
    (typeof (e as NodeJS.ErrnoException).syscall === 'string' ||
      typeof (e as NodeJS.ErrnoException).path === 'string')
  );
}

const VERB: Readonly<Record<string, string>> = {
  open: '打开',
  read: '读取',
  write: '写入',
  mkdir: '创建目录',
  rename: '写入',
  copyfile: '复制',
  scandir: '读取目录',
  opendir: '读取目录',
  stat: '访问',
  lstat: '访问',
  unlink: '删除',
  rmdir: '删除',
  rm: '删除',
  mkdtemp: '创建临时目录',
  fsync: '写入',
  close: '写入',
};

/** The first component of `path` (from the root down) that exists and is not a directory. */
function fileInTheWay(path: string): string | undefined {
  const chain: string[] = [];
  for (let p = dirname(path); ; p = dirname(p)) {
    chain.unshift(p);
    if (dirname(p) === p) break;
  }
  chain.push(path);
  for (const p of chain) {
    try {
      if (!statSync(p).isDirectory()) return p;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Long paths are shortened in the middle for messages (a 5000-character path is not useful in full). */
function shown(path: string): string {
  return path.length > 160 ? `${path.slice(0, 70)}…${path.slice(-70)}` : path;
}

/**
 * The Chinese message for a file-system error: what could not be done, to which path, and why, with what to do
 * where that is clear. `path` overrides the error's own (e.g. the user's relative path).
 */
export function fsErrorMessage(e: NodeJS.ErrnoException, path?: string, writing = false): string {
  const p = path ?? e.path ?? (e as { dest?: string }).dest ?? '';
  const where = p ? `「${shown(p)}」` : '';
  const verb =
    writing && (e.syscall === 'open' || e.syscall === undefined) ? '写入' : (VERB[e.syscall ?? ''] ?? '访问');
  const what = `无法${verb}${where}`;
  switch (e.code) {
    case 'ENOENT':
      return !writing &&
        (e.syscall === 'open' || e.syscall === 'stat' || e.syscall === 'scandir' || e.syscall === 'lstat')
        ? `找不到${where}：文件或目录不存在`
        : `${what}：所在目录不存在`;
    case 'EEXIST':
      return e.syscall === 'mkdir'
        ? `${what}：已有同名的文件，这里需要一个目录（请换一个目录名，或删除该文件）`
        : `${what}：该文件已存在`;
    case 'ENOTDIR': {
      const f = p ? fileInTheWay(p) : undefined;
      return f
        ? `${what}：路径中的「${shown(f)}」是文件，不是目录`
        : `${what}：路径中有一部分是文件，不是目录`;
    }
    case 'EISDIR':
      return `${what}：这是一个目录，这里需要文件`;
    case 'EACCES':
    case 'EPERM':
      return `${what}：没有权限（请检查该文件或目录的权限，或换一个位置）`;
    case 'EROFS':
      return `${what}：所在的文件系统是只读的（请换一个可写的位置）`;
    case 'ENOSPC':
      return `${what}：磁盘空间不足（请清理空间或换一个位置）`;
    case 'EDQUOT':
      return `${what}：超出磁盘配额（请清理空间或换一个位置）`;
    case 'ENAMETOOLONG':
      return `${what}：文件名或路径过长（每一级名称不应超过 255 字节，请缩短）`;
    case 'ELOOP':
      return `${what}：符号链接形成循环`;
    case 'EMFILE':
    case 'ENFILE':
      return `${what}：同时打开的文件过多，请稍后重试`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `${what}：文件正被其他程序占用`;
    case 'EIO':
      return `${what}：读写出错（磁盘或网络文件系统故障）`;
    case 'EXDEV':
      return `${what}：不能跨文件系统移动`;
    case 'EINVAL':
      return `${what}：文件名或操作无效`;
    case 'EFBIG':
      return `${what}：文件过大`;
    case 'ENXIO':
    case 'ENODEV':
      return `${what}：设备不存在`;
    default:
      return `${what}：系统错误（${e.code ?? '未知'}）`;
  }
}

/** A file-system error as the user error every command reports (exit 2); other errors pass unchanged. */
export function userError(e: unknown, path?: string, writing = false): unknown {
  if (e instanceof JuesuanError || !isFsError(e)) return e;
  return new JuesuanError(ErrorCode.BadInput, fsErrorMessage(e, path, writing));
}

/** Runs a file-system operation; its error becomes the Chinese user error naming `path`. */
export function fsDo<T>(path: string, op: () => T, writing = false): T {
  try {
    return op();
  } catch (e) {
    throw userError(e, path, writing);
  }
}

/** Writes an output file; its error becomes the Chinese user error naming `path`. */
export function fsWrite(path: string, op: () => void): void {
  fsDo(path, op, true);
}

/**
 * mkdir -p, step by step: Node's own recursive mkdir spins forever where the parent exists but refuses new entries
 * with ENOENT (under /proc).
 */
function makeDirs(dir: string, depth = 0): void {
  try {
    mkdirSync(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(dir).isDirectory()) return;
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir || depth > 200) throw e;
    let parentIsDir = false;
    try {
      parentIsDir = statSync(parent).isDirectory();
    } catch {
      // not there: create it below
    }
    if (parentIsDir) {
      // The parent is there and still refuses: a special file system.
      throw new JuesuanError(
        ErrorCode.BadInput,
        `无法创建目录「${shown(dir)}」：「${shown(parent)}」中不能创建目录（请换一个位置）`,
      );
    }
    makeDirs(parent, depth + 1);
    mkdirSync(dir);
  }
}

/** Creates the output directory `dir` (and its parents); a file in the way is a message naming it. */
export function ensureDir(dir: string, option = '--out'): void {
  fsDo(dir, () => makeDirs(dir));
  // mkdir -p on an existing file succeeds on some systems: check what is there.
  if (!fsDo(dir, () => statSync(dir)).isDirectory())
    throw new JuesuanError(ErrorCode.BadInput, `${option} 需要一个目录，但「${dir}」是已有的文件`);
}

let stdinRead = false;

/** Standard input, whole, at most `maxBytes` (a blocking read; a TTY waits for Ctrl-D). */
function readStdin(maxBytes: number): Uint8Array {
  if (stdinRead)
    throw new JuesuanError(ErrorCode.BadInput, '标准输入（-）只能读取一次：多个输入中只能有一个写 -');
  stdinRead = true;
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        // Non-blocking stdin with nothing yet: wait a little and retry.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
        continue;
      }
      if (code === 'EOF') break;
      throw new JuesuanError(ErrorCode.BadInput, fsErrorMessage(e as NodeJS.ErrnoException, STDIN_NAME));
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes)
      throw new JuesuanError(
        ErrorCode.TooLarge,
        `标准输入过大（超过 ${Math.round(maxBytes / 1024 / 1024)} MiB）`,
      );
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

/** The bytes of an input file, at most `maxBytes`; `-` reads standard input. */
export function readInputFile(file: string, maxBytes: number): Uint8Array {
  if (file === '-') return readStdin(maxBytes);
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory())
      throw new JuesuanError(ErrorCode.NotFound, `${file} 是目录，不是文件`, [
        { file, message: '请给出数据文件的路径' },
      ]);
    size = st.size;
  } catch (e) {
    if (e instanceof JuesuanError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new JuesuanError(ErrorCode.NotFound, `找不到文件 ${file}`, [{ file, message: '文件不存在' }]);
    throw userError(e, file);
  }
  if (size > maxBytes) {
    throw new JuesuanError(ErrorCode.TooLarge, `${file} 过大（${size} 字节）`, [
      { file, message: `文件不应超过 ${Math.round(maxBytes / 1024 / 1024)} MiB` },
    ]);
  }
  return fsDo(file, () => readFileSync(file));
}
