// The Living Lab API's answers, typed from its OpenAPI document.
import type { components, paths } from '../../../api-types.js';

type Schemas = components['schemas'];
type Answer<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type CatalogueItem = Schemas['LivingLabCatalogueItem'];
export type Solution = Schemas['LivingLabSolution'];
export type OwnSolution = Schemas['LivingLabOwnSolution'];
export type Preview = Schemas['LivingLabPreview'];
export type Change = Schemas['LivingLabChange'];
export type ApplicationFacts = Schemas['LivingLabApplication'];
export type Catalogue = Answer<'/api/livinglab/solutions', 'get'>;
export type Reference = Answer<'/api/livinglab/reference', 'get'>;
export type PackageOffer = Answer<'/api/regions/{region}/livinglab/package-offer', 'get'>;
export type OwnBrief = Answer<'/api/regions/{region}/livinglab/solutions', 'get'>[number];
export type Adoption = Answer<'/api/regions/{region}/livinglab/adoptions', 'get'>[number];
export type Words = { id: string; en: string };
export type Ratings = Answer<'/api/livinglab/solutions/{solutionId}/ratings', 'get'>;
export type Impact = Answer<'/api/livinglab/solutions/{solutionId}/impact', 'get'>;
export type InventoryApp = Schemas['LivingLabInventoryApplication'];
export type ProposalBrief = Answer<'/api/regions/{region}/livinglab/proposals', 'get'>[number];
export type Proposal = Answer<'/api/regions/{region}/livinglab/proposals/{proposalId}', 'get'>;
export type Budget = Answer<'/api/regions/{region}/livinglab/budget', 'get'>;
export type PortfolioUnit = Answer<'/api/regions/{region}/livinglab/units', 'get'>[number];

/** GET /api/livinglab/map/outlines */
export interface Outlines { source: string; viewBox: string; provinces: { code: string; name: string; covers: string[]; d: string }[] }
/** GET /api/livinglab/map/provinces/{province} */
export type RegencyMap = Answer<'/api/livinglab/map/provinces/{province}', 'get'>;
/** GET /api/livinglab/map */
export interface MapCounts { level: 'province'; provinces: { code: string; name: string; solutions: number; adoptions: number; adopters: number }[] }
export interface LineageEdge {
  from: { code: string | null; name: string; installation: string | null }; to: { code: string; name: string };
  solutionId: string | null; title: string; packageKind: string | null; version: number; adoptedAt: string; updatedAt: string;
}
/** GET /api/livinglab/lineage */
export interface Lineage { truncated: boolean; edges: LineageEdge[] }
