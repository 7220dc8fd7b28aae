/** File reading with limits and Chinese messages; the only place the CLI touches the file system for input. */
import { readFileSync, statSync } from 'node:fs';
import { ErrorCode, JuesuanError } from '@juesuan/core';

export function readInputFile(file: string, maxBytes: number): Uint8Array {
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
    throw new JuesuanError(ErrorCode.NotFound, `找不到文件 ${file}`, [
      { file, message: '文件不存在或无法读取' },
    ]);
  }
  if (size > maxBytes) {
    throw new JuesuanError(ErrorCode.TooLarge, `${file} 过大（${size} 字节）`, [
      { file, message: `文件不应超过 ${Math.round(maxBytes / 1024 / 1024)} MiB` },
    ]);
  }
  return readFileSync(file);
}
