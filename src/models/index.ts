import type { Model } from 'mongoose';
import { UserModel } from './user.js';
import { RefreshTokenModel, RefreshTokenUseModel, RevokedFamilyModel } from './refresh-token.js';
import { OrganizationModel } from './organization.js';
import { OrganizationMemberModel } from './organization-member.js';
import { OrganizationCreationModel } from './organization-creation.js';
import { OrganizationInvitationModel } from './organization-invitation.js';
import { ApiKeyModel } from './api-key.js';
import { ProcessedStripeEventModel, SubscriptionModel } from './subscription.js';
import { TokenUsageModel } from './token-usage.js';
import { OAuthCodeModel, OAuthCodeUseModel } from './oauth-code.js';
import { SessionModel } from './session.js';
import { MailDeliveryModel, MailTokenModel, MailTokenUseModel } from './mail.js';

export const ALL_MODELS: Model<never>[] = [
  UserModel,
  RefreshTokenModel,
  RefreshTokenUseModel,
  RevokedFamilyModel,
  OrganizationModel,
  OrganizationMemberModel,
  OrganizationCreationModel,
  OrganizationInvitationModel,
  ApiKeyModel,
  SubscriptionModel,
  ProcessedStripeEventModel,
  TokenUsageModel,
  OAuthCodeModel,
  OAuthCodeUseModel,
  SessionModel,
  MailTokenModel,
  MailTokenUseModel,
  MailDeliveryModel,
] as unknown as Model<never>[];

/** Creates every collection and index (idempotent). FerretDB has no TTL/partial indexes, so none are declared. */
export async function initCollections(): Promise<void> {
  for (const m of ALL_MODELS) {
    await m.createCollection().catch((error: { codeName?: string }) => {
      if (error.codeName !== 'NamespaceExists') throw error;
    });
    await m.createIndexes();
  }
}

export { UserModel, RefreshTokenModel, RefreshTokenUseModel, RevokedFamilyModel, OrganizationModel, ApiKeyModel };
export { SubscriptionModel, ProcessedStripeEventModel, TokenUsageModel, OAuthCodeModel, OAuthCodeUseModel };
export { OrganizationMemberModel, OrganizationCreationModel, OrganizationInvitationModel, SessionModel };
export { MailTokenModel, MailTokenUseModel, MailDeliveryModel };
