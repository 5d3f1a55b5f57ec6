import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { io as ioc } from 'socket.io-client';
import pino from 'pino';
import { createRedisState } from '../packages/server/src/scale-out.js';
import { startRedisServer } from '../packages/server/test/support/redis.js';

const log = pino({ level: 'silent' });
const redis = await startRedisServer();
async function node() {
  const state = await createRedisState({ sendRate: 0, sendBurst: 0, redisUrl: redis.url }, log);
  const http = createServer();
  const io = new Server(http, { adapter: state.adapter });
  io.on('connection', (s) => s.join('r'));
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  return { io, port: (http.address() as any).port, state };
}
const a = await node();
const b = await node();
const client = ioc(`http://127.0.0.1:${b.port}`, { transports: ['websocket'] });
await new Promise((r) => client.on('connect', r as any));
const got: number[] = [];
client.on('x', (n: number) => got.push(n));
const sendBurst = async (from: number, n: number) => { for (let i = from; i < from + n; i++) a.io.to('r').emit('x', i); await new Promise((r) => setTimeout(r, 1500)); };
await sendBurst(0, 10);
console.log('before outage received', got.length);
await redis.stop();
await new Promise((r) => setTimeout(r, Number(process.env.OUT ?? 10000)));
await redis.start();
await new Promise((r) => setTimeout(r, 2000));
console.log('degraded a', a.state.degraded(), 'b', b.state.degraded());
for (let round = 0; round < 5; round++) {
  const before = got.length;
  await sendBurst(1000 * (round + 1), 10);
  console.log(`after outage round ${round}: received`, got.length - before);
}
process.exit(0);
