import { AppError } from '../../lib/errors.js';

/** The one answer for a model this API does not offer, wherever a model is named (chat, /v1/models/{id}): OpenAI's. */
export const unknownModel = (model: string) =>
  new AppError(
    404,
    'invalid_request_error',
    'model_not_found',
    `The model \`${model}\` does not exist or you do not have access to it.`,
    { param: 'model' },
  );

/** A model this API offers, outside the plan of whoever pays for the request. */
export const modelNotAllowed = (model: string, tier: string) =>
  new AppError(
    403,
    'permission_error',
    'model_not_allowed',
    `The model \`${model}\` is not available on the ${tier} plan of this request's payer.`,
    { param: 'model' },
  );
