// The Living Lab's addresses, in the web app and in the API.
import { regionApi } from '../../../api.js';

export const LL_API = '/api/livinglab';
export const livinglabApi = (region: string) => `${regionApi(region)}/livinglab`;
export const cataloguePath = '/livinglab';
export const solutionPath = (id: string) => `/livinglab/${encodeURIComponent(id)}`;
export const staffPath = (region: string) => `/staff/${region}/livinglab`;
export const adoptPath = (region: string, solutionId: string) => `/staff/${region}/livinglab/adopsi/${encodeURIComponent(solutionId)}`;
export const importPath = (region: string) => `/staff/${region}/livinglab/impor`;
export const inventoryPath = (region: string) => `/staff/${region}/livinglab/inventaris`;
export const proposalsPath = (region: string) => `/staff/${region}/livinglab/usulan`;
export const proposalPath = (region: string, id: string) => `/staff/${region}/livinglab/usulan/${encodeURIComponent(id)}`;
export const budgetPath = (region: string) => `/staff/${region}/livinglab/anggaran`;

const digits = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
/** Rupiah the Indonesian way in both languages, with a plain space ("Rp 300.000.000"). */
export const formatIdr = (n: number) => `Rp ${digits.format(n)}`;
export const mapPath = '/livinglab/peta';
