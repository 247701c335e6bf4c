// The few parts of the `compression` middleware (CommonJS, no types of its own) that lib/server/handler.ts uses.
declare module "compression" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  interface CompressionOptions {
    threshold?: number | string;
    level?: number;
    filter?: (request: IncomingMessage, response: ServerResponse) => boolean;
    brotli?: { params?: Record<number, number> };
  }

  export default function compression(options?: CompressionOptions): (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;
}
