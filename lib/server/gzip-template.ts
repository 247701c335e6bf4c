// A page kept gzipped, whose CSP nonce is replaced in every response without decompressing or recompressing it.
//
// The body is cut at each occurrence of the nonce, and each piece is deflated on its own, ending with a sync flush
// (a byte boundary, no final block). A response is then: a gzip header, the pieces with the new nonce between
// them as stored (uncompressed) deflate blocks, an empty final block, and the CRC-32 and length of the whole,
// the CRC combined from the pieces' (as zlib's crc32_combine does).
import { promisify } from "node:util";
import { constants, crc32, deflateRaw, inflateRawSync, type ZlibOptions } from "node:zlib";

const deflate = promisify<Buffer, ZlibOptions, Buffer>(deflateRaw);

export interface GzipTemplate {
  pieces: Buffer[]; // deflated, each ending on a byte boundary
  pieceCrcs: number[];
  pieceLengths: number[]; // uncompressed bytes
  pieceOperators: number[]; // zeroBytesOperator of each piece's length, for the CRC
  nonceLength: number;
  /** Bytes held: what a cache budget counts. */
  bytes: number;
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]); // deflate, no name, no time, unknown OS
const FINAL_EMPTY_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]); // BFINAL=1 stored block of length 0

export async function makeGzipTemplate(body: string, nonce: string, level = 6): Promise<GzipTemplate> {
  const pieces = body.split(nonce).map((text) => Buffer.from(text, "utf8"));
  const nonceLength = Buffer.byteLength(nonce);
  // Each piece may refer back to the text before it, as one stream would: the compressor is given that text as
  // its dictionary, with NUL bytes where the nonce goes. No match can touch those (the pieces hold no NUL), so
  // whatever nonce a response puts there, every back-reference still copies the same bytes.
  const withHistory = !body.includes("\0");
  let history = Buffer.alloc(0);
  // Compressed on zlib's thread pool, so that a large page does not hold up other requests.
  const deflated = await Promise.all(
    pieces.map((piece) => {
      const options = { level, finishFlush: constants.Z_SYNC_FLUSH, ...(withHistory && history.length ? { dictionary: history } : {}) };
      history = Buffer.concat([history, piece, Buffer.alloc(nonceLength)]).subarray(-32_768);
      return deflate(piece, options);
    }),
  );
  return {
    pieces: deflated,
    pieceCrcs: pieces.map((piece) => crc32(piece)),
    pieceLengths: pieces.map((piece) => piece.length),
    pieceOperators: pieces.map((piece) => zeroBytesOperator(piece.length)),
    nonceLength,
    bytes: deflated.reduce((sum, piece) => sum + piece.length, 0),
  };
}

/** Stored deflate block(s) holding `data` verbatim (each at most 65,535 bytes), not final. */
function storedBlocks(data: Buffer): Buffer[] {
  const blocks: Buffer[] = [];
  for (let offset = 0; offset < data.length; offset += 0xffff) {
    const part = data.subarray(offset, offset + 0xffff);
    const head = Buffer.alloc(5);
    head[0] = 0x00; // BFINAL=0, BTYPE=00; the previous piece ended on a byte boundary
    head.writeUInt16LE(part.length, 1);
    head.writeUInt16LE(~part.length & 0xffff, 3);
    blocks.push(head, part);
  }
  return blocks;
}

/** The gzip body of the template with `nonce` in every place the original nonce was, as buffers to send in turn. */
export function renderGzipParts(template: GzipTemplate, nonce: string): Buffer[] {
  const nonceBytes = Buffer.from(nonce, "utf8");
  if (nonceBytes.length !== template.nonceLength) throw new Error("a replacement nonce must be as long as the original");
  const nonceCrc = crc32(nonceBytes);
  const nonceOperator = zeroBytesOperator(nonceBytes.length);
  const nonceBlocks = storedBlocks(nonceBytes);
  const parts: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  template.pieces.forEach((piece, index) => {
    if (index > 0) {
      parts.push(...nonceBlocks);
      crc = crc32Combine(crc, nonceCrc, nonceBytes.length, nonceOperator);
      length += nonceBytes.length;
    }
    parts.push(piece);
    crc = crc32Combine(crc, template.pieceCrcs[index], template.pieceLengths[index], template.pieceOperators[index]);
    length += template.pieceLengths[index];
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  parts.push(FINAL_EMPTY_BLOCK, trailer);
  return parts;
}

export function renderGzip(template: GzipTemplate, nonce: string): Buffer {
  return Buffer.concat(renderGzipParts(template, nonce));
}

/** The plain body, for a client that accepts no gzip. */
export function renderPlain(template: GzipTemplate, nonce: string): Buffer {
  const gzip = renderGzip(template, nonce);
  return inflateRawSync(gzip.subarray(GZIP_HEADER.length, gzip.length - 8));
}

// CRC-32 of A followed by B from crc(A), crc(B) and B's length, as zlib 1.2.12's crc32_combine: crc(A) times
// x^(8·length of B) modulo the CRC polynomial, plus crc(B). The power comes from a table of x^(2^k), so a
// combination costs a few dozen polynomial products, whatever the lengths.
const POLYNOMIAL = 0xedb88320; // reflected
const ONE = 0x80000000; // x^0, reflected

function multiplyModP(a: number, b: number): number {
  let product = 0;
  for (let bit = ONE; bit !== 0; bit >>>= 1) {
    if (a & bit) product ^= b;
    b = b & 1 ? (b >>> 1) ^ POLYNOMIAL : b >>> 1;
  }
  return product >>> 0;
}

const POWERS = new Uint32Array(32); // POWERS[k] = x^(2^k) mod p
POWERS[0] = ONE >>> 1; // x^1
for (let k = 1; k < 32; k++) POWERS[k] = multiplyModP(POWERS[k - 1], POWERS[k - 1]);

/** x^(8·bytes) mod p: the operator that appends `bytes` zero bytes to a CRC. */
export function zeroBytesOperator(bytes: number): number {
  let power = ONE;
  for (let k = 3, n = bytes; n > 0; n = Math.floor(n / 2), k++) if (n % 2) power = multiplyModP(POWERS[k % 32], power);
  return power;
}

export function crc32Combine(crc1: number, crc2: number, length2: number, operator = zeroBytesOperator(length2)): number {
  return (multiplyModP(operator, crc1 >>> 0) ^ crc2) >>> 0;
}
