// The complaints administration sections and settings form: one chunk, loaded
// when an administrator opens one of them (module.ts).
export { CategoriesSection } from './Categories.js';
export { RoutingSection } from './Routing.js';
export { DeadlinesSection } from './Deadlines.js';
export { ComplaintSettings } from './Settings.js';
