import { z } from 'zod';

/** Request headers several operations read, documented once. */
export const organizationHeader = z.string().optional().openapi({
  description:
    'Act in this organization: its pool pays (the caller must be a member). An organization-bound API key implies it.',
});

export const organizationHeaders = z.object({ 'X-Organization-Id': organizationHeader });
