import type { createAdmission } from './admission.js';
import type { Attach } from './attach.js';
import type { createRequestControl } from './cancel.js';
import type { createChatShape } from './chat-shape.js';
import type { createModelCatalog } from './models.js';
import type { createResume } from './resume.js';

type Models = ReturnType<typeof createModelCatalog>;
type Control = ReturnType<typeof createRequestControl>;

/** The API side of the LLM proxy as routes and the other LLM APIs use it (built in index.ts from its parts). */
export interface LlmService {
  listModels: Models['listModels'];
  retrieveModel: Models['retrieveModel'];
  assertModelAllowed: Models['assertModelAllowed'];
  chatShape: ReturnType<typeof createChatShape>;
  submit: ReturnType<typeof createAdmission>['submit'];
  attach: Attach;
  resume: ReturnType<typeof createResume>['resume'];
  status: Control['status'];
  cancel: Control['cancel'];
  close(): void;
}
