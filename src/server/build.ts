// `npm run build` (and `npm start` before it starts): writes dist/server.mjs (bundle.ts).
import { bundleServer } from './bundle.ts';

await bundleServer();
