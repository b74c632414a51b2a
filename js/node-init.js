// Initializes the package's wasm from disk, for the Node entry (node.js).
import { readFileSync } from 'node:fs';
import { initSync } from '../pkg/iamport_pay.js';

initSync({ module: readFileSync(new URL('../pkg/iamport_pay_bg.wasm', import.meta.url)) });
