import { createHash, createHmac, type BinaryLike } from 'node:crypto';

type SourceData = string | ArrayBuffer | ArrayBufferView;

function toBinary(d: SourceData): BinaryLike {
  if (typeof d === 'string') return d;
  return d instanceof ArrayBuffer ? new Uint8Array(d) : new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
}


/** node:crypto behind the interface @smithy/signature-v4 expects: the SDK signer, as a reference in tests. */
export class NodeSha256 {
  private readonly h;
  constructor(secret?: SourceData) {
    this.h = secret ? createHmac('sha256', toBinary(secret)) : createHash('sha256');
  }
  update(data: SourceData): void {
    this.h.update(toBinary(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.h.digest());
  }
}
