// The modules of the web app, one line each (see contract.ts and docs/MODULES.md).
import type { WebModule } from './contract.js';
import { complaints } from './modules/complaints/module.js';
import { spbe } from './modules/spbe/module.js';
import { sakip } from './modules/sakip/module.js';
import { layanan } from './modules/layanan/module.js';
import { livinglab } from './modules/livinglab/module.js';
import { surat } from './modules/surat/module.js';
import { pimpinan } from './modules/pimpinan/module.js';

export const modules: WebModule[] = [complaints, spbe, sakip, layanan, livinglab, surat, pimpinan];
