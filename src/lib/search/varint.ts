/** Unsigned LEB128 varints: the posting lists are mostly small gaps, one byte each. */

export class VarintWriter {
  private buf: Uint8Array<ArrayBuffer> = new Uint8Array(1024);
  private len = 0;

  write(value: number): void {
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`varint must be ≥ 0, got ${value}`);
    if (this.len + 5 > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    let v = value;
    while (v >= 0x80) {
      this.buf[this.len++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.len++] = v;
  }

  get length(): number {
    return this.len;
  }

  bytes(): Uint8Array<ArrayBuffer> {
    return this.buf.slice(0, this.len);
  }
}

/** Reads varints from `bytes` starting at `pos.at`, advancing it. */
export function readVarint(bytes: Uint8Array, pos: { at: number }): number {
  let value = 0;
  let shift = 1;
  for (;;) {
    if (pos.at >= bytes.length) throw new RangeError('truncated varint');
    const b = bytes[pos.at++]!;
    value += (b & 0x7f) * shift;
    if (b < 0x80) return value;
    shift *= 128;
  }
}
