import type { Config } from '../../config/index.js';
import type { Principal } from '../../lib/http/principal.js';
import type { PayerContext } from '../../domain/plans/payer.js';
import { modelNotAllowed, unknownModel } from './model-errors.js';
import type { PayerOf } from './payers.js';

const MODEL_CREATED = 1_704_067_200;

const presentModel = (id: string) => ({ id, object: 'model' as const, created: MODEL_CREATED, owned_by: 'aicoder' });

/** The models a caller may use: listed, retrieved, and checked at admission. */
export function createModelCatalog({ config, payerOf }: { config: Config; payerOf: PayerOf }) {
  function assertModelAllowed(model: string, payer: PayerContext): void {
    if (!config.LLM_MODELS.includes(model)) throw unknownModel(model);
    if (!payer.models.includes(model)) throw modelNotAllowed(model, payer.tier);
  }

  async function listModels(principal: Principal, organizationHeader?: string) {
    const payer = await payerOf(principal, organizationHeader);
    return [...payer.models, ...payer.embedding_models].map(presentModel);
  }

  /** One model the caller may use; any other does not exist for it (as in the list), answered as chat answers one. */
  async function retrieveModel(principal: Principal, organizationHeader: string | undefined, model: string) {
    const payer = await payerOf(principal, organizationHeader);
    if (!payer.models.includes(model) && !payer.embedding_models.includes(model)) throw unknownModel(model);
    return presentModel(model);
  }

  return { assertModelAllowed, listModels, retrieveModel };
}
