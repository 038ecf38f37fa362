import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { DomainError } from '../../domain/shared/domain-error.js';
import { ERROR_MAP } from './problem/error-map.js';
import { PROBLEM_CONTENT_TYPE } from './problem/problem-response.js';

/**
 * Requests Node's HTTP parser refuses before Express sees them (docs/decisions.md, "Bad transport
 * input"). Without a listener Node writes a bare status line; with this one, headers (or a request
 * line) beyond `--max-http-header-size` get 431 `headers_too_large`, oversized chunk extensions
 * 413, other malformed requests 400 `validation_failed`, all as problem+json. Timeouts keep Node's
 * own bare 408, and a socket that already carries a response, or is gone, is simply closed.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const code = error.code ?? '';
    // As Node's own handler: a response already under way cannot be followed by another.
    const current = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (!socket.writable || current?.headersSent === true) {
      socket.destroy();
      return;
    }
    if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
      return;
    }
    const problem =
      code === 'HPE_HEADER_OVERFLOW'
        ? new DomainError('headers_too_large', 'The request line and headers exceed the server limit')
        : code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW'
          ? new DomainError('payload_too_large', 'The chunk extensions exceed the server limit')
          : new DomainError('validation_failed', 'The request is not valid HTTP');
    socket.end(rawProblem(problem));
  });
}

function rawProblem(error: DomainError): string {
  const { status, title } = ERROR_MAP[error.code];
  const body = JSON.stringify({
    type: `/problems/${error.code}`,
    title,
    status,
    detail: error.message,
    code: error.code,
  });
  return [
    `HTTP/1.1 ${status} ${title}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
