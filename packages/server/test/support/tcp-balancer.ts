import { connect, createServer, type Server, type Socket } from 'node:net';

/** A running balancer: its URL and how to stop it. */
export interface TcpBalancer {
  readonly url: string;
  /** Connections made so far to each upstream (by its `host:port`). */
  readonly connections: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

/**
 * A round-robin TCP balancer on 127.0.0.1 for multi-process tests (a stand-in for nginx, which this machine does not
 * run): each client connection goes to the next upstream that accepts it, skipping any that refuses (a killed
 * process). WebSocket upgrades pass through untouched, as bytes.
 */
export async function startTcpBalancer(upstreams: readonly URL[]): Promise<TcpBalancer> {
  let next = 0;
  const open = new Set<Socket>();
  const connections = new Map<string, number>();
  const pipeTo = (client: Socket, attempt: number) => {
    if (attempt >= upstreams.length) {
      client.destroy();
      return;
    }
    const target = upstreams[next % upstreams.length];
    next += 1;
    if (!target) return;
    const upstream = connect(Number(target.port), target.hostname);
    let connected = false;
    open.add(upstream);
    upstream.once('connect', () => {
      connected = true;
      connections.set(target.host, (connections.get(target.host) ?? 0) + 1);
      client.pipe(upstream).pipe(client);
      client.resume();
    });
    upstream.once('error', () => {
      if (connected) client.destroy();
      else pipeTo(client, attempt + 1);
    });
    upstream.once('close', () => {
      open.delete(upstream);
      if (connected) client.destroy();
    });
    client.once('close', () => upstream.destroy());
  };
  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    open.add(client);
    client.on('error', () => client.destroy());
    client.once('close', () => open.delete(client));
    pipeTo(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    connections,
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
