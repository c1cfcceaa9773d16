// The Living Lab's addresses, in the web app and in the API.
import { regionApi } from '../../../api.js';

export const LL_API = '/api/livinglab';
export const livinglabApi = (region: string) => `${regionApi(region)}/livinglab`;
export const cataloguePath = '/livinglab';
export const solutionPath = (id: string) => `/livinglab/${encodeURIComponent(id)}`;
export const staffPath = (region: string) => `/staff/${region}/livinglab`;
export const adoptPath = (region: string, solutionId: string) => `/staff/${region}/livinglab/adopsi/${encodeURIComponent(solutionId)}`;
export const importPath = (region: string) => `/staff/${region}/livinglab/impor`;
