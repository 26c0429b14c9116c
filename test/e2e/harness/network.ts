/**
 * The routing table, the request log and the escape proxy, shared by both drivers: each driver
 * only turns the requests it intercepts into `dispatch` calls.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExtensionBrowser } from './index';

export interface PortalRequest {
  url: string;
  method: string;
  postData: string | undefined;
}
export interface PortalResponse {
  status?: number;
  contentType?: string;
  headers?: Record<string, string>;
  body: string;
}
export type PortalHandler = (request: PortalRequest) => PortalResponse | Promise<PortalResponse>;

export interface NetworkRecord {
  url: string;
  method: string;
  /**
   * 'fixture': answered by a route; 'unrouted': no route, aborted; 'escaped': reached the escape
   * proxy (what the driver cannot intercept, e.g. Firefox's extension background; the URL is then
   * https://host:port/ only); 'browser': favicon.ico, the browser's own.
   */
  via: 'fixture' | 'unrouted' | 'escaped' | 'browser';
}

export class Network {
  private routes: { prefix: string; handler: PortalHandler }[] = [];
  private servedOrigins = new Set<string>();
  readonly log: NetworkRecord[] = [];

  add(prefix: string, handler: PortalHandler) {
    this.routes.unshift({ prefix, handler });
    this.servedOrigins.add(new URL(prefix).host);
  }

  serve(pages: Record<string, string | PortalResponse>) {
    const table = new Map<string, PortalResponse>();
    for (const [url, page] of Object.entries(pages)) {
      table.set(withoutQuery(url), typeof page === 'string' ? { body: page } : page);
    }
    for (const origin of new Set([...table.keys()].map((u) => new URL(u).origin))) {
      this.add(`${origin}/`, ({ url }) => table.get(withoutQuery(url)) ?? { status: 404, body: 'Not a fixture' });
    }
  }

  /** undefined: not http(s), let the browser handle it (extension files, data: URLs…). */
  async dispatch(request: PortalRequest): Promise<PortalResponse | 'abort' | undefined> {
    if (!/^https?:/.test(request.url)) return undefined;
    const { url, method } = request;
    if (new URL(url).pathname === '/favicon.ico') {
      this.log.push({ url, method, via: 'browser' });
      return { status: 404, body: '' };
    }
    const route = this.routes.find((r) => url.startsWith(r.prefix));
    if (!route) {
      this.log.push({ url, method, via: 'unrouted' });
      return 'abort';
    }
    this.log.push({ url, method, via: 'fixture' });
    try {
      return await route.handler(request);
    } catch (error) {
      console.error(`[e2e] route handler for ${route.prefix} failed on ${url}:`, error);
      return { status: 500, body: `Route handler failed: ${String(error)}` };
    }
  }

  /** CONNECTs to routed hosts are the browser's speculative preconnects: the requests themselves are routed. */
  escaped(url: string, method: string, host: string) {
    if (method === 'CONNECT' && this.servedOrigins.has(host.replace(/:443$/, ''))) return;
    if (BROWSER_VENDOR_HOSTS.test(host.replace(/:\d+$/, ''))) return;
    this.log.push({ url, method, via: 'escaped' });
  }

  /** The ExtensionBrowser methods that are the network's, alike in both drivers. */
  api(): Pick<ExtensionBrowser, 'routePortal' | 'servePortals' | 'requests' | 'strayRequests'> {
    return {
      routePortal: async (prefix, handler) => this.add(prefix, handler),
      servePortals: async (pages) => this.serve(pages),
      requests: () => [...this.log],
      strayRequests: () => this.log.filter((r) => r.via === 'unrouted' || r.via === 'escaped'),
    };
  }
}

/** The browsers' own update / settings / account traffic, which the proxy also sees. */
const BROWSER_VENDOR_HOSTS = /(^|\.)(mozilla\.(com|net|org)|firefox\.com|google\.com|googleapis\.com|gstatic\.com|gvt1\.com|gvt2\.com)$/;

function withoutQuery(url: string) {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/**
 * Last line of defence: both browsers send every request they did not let the driver
 * intercept through this proxy, which records it and answers 502, so nothing reaches the network.
 */
export async function startEscapeProxy(network: Network) {
  const server = http.createServer((req, res) => {
    const url = req.url ?? '';
    network.escaped(url, req.method ?? 'GET', req.headers.host ?? new URL(url, 'http://unknown').host);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    const target = req.url ?? '';
    network.escaped(`https://${target.replace(/:443$/, '')}/`, 'CONNECT', target);
    // A browser may reset the connection it was refused: recorded already, nothing to report.
    socket.on('error', () => {});
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
