// The modules this Pamong runs, in order. A new module is one line here; the
// platform reads them through platform/modules/registry.ts.
import { installModules } from '../platform/modules/registry.js';
import { complaintsModule } from './complaints/module.js';
import { spbeModule } from './spbe/module.js';
import { sakipModule } from './sakip/module.js';
import { layananModule } from './layanan/module.js';
import { livinglabModule } from './livinglab/module.js';
import { suratModule } from './surat/module.js';
import { pimpinanModule } from './pimpinan/module.js';

export const registry = [complaintsModule, spbeModule, sakipModule, layananModule, livinglabModule, suratModule, pimpinanModule];

installModules(registry);
