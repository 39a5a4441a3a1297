/**
 * LTI 1.3 names: claim URIs, service scopes, media types and role URIs, as
 * the IMS specifications spell them (docs/research/lti-1.3.md, §3).
 */
const LTI = "https://purl.imsglobal.org/spec/lti/claim";

export const CLAIMS = {
  messageType: `${LTI}/message_type`,
  version: `${LTI}/version`,
  deploymentId: `${LTI}/deployment_id`,
  targetLinkUri: `${LTI}/target_link_uri`,
  resourceLink: `${LTI}/resource_link`,
  roles: `${LTI}/roles`,
  context: `${LTI}/context`,
  custom: `${LTI}/custom`,
  launchPresentation: `${LTI}/launch_presentation`,
  ags: "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint",
  nrps: "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
  deepLinkingSettings: "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings",
  deepLinkingContentItems: "https://purl.imsglobal.org/spec/lti-dl/claim/content_items",
  deepLinkingData: "https://purl.imsglobal.org/spec/lti-dl/claim/data",
  deepLinkingMessage: "https://purl.imsglobal.org/spec/lti-dl/claim/msg",
} as const;

export const MESSAGE_TYPES = {
  resourceLink: "LtiResourceLinkRequest",
  deepLinking: "LtiDeepLinkingRequest",
  deepLinkingResponse: "LtiDeepLinkingResponse",
} as const;

export const SCOPES = {
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  lineItemReadonly: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
  resultReadonly: "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  memberships: "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
} as const;

export const MEDIA_TYPES = {
  lineItem: "application/vnd.ims.lis.v2.lineitem+json",
  lineItemContainer: "application/vnd.ims.lis.v2.lineitemcontainer+json",
  score: "application/vnd.ims.lis.v1.score+json",
  memberships: "application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
} as const;

/** Context (membership) roles only: institution and system roles (an LMS administrator) grant nothing in a class. */
const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";

/**
 * The class role an LMS user gets: Instructor (and its sub-roles such as
 * TeachingAssistant, who grade in the LMS too) teaches; Learner studies;
 * anything else (Mentor, ContentDeveloper…) is in no class. Some platforms
 * send the short names, so those count too.
 */
export function classRoleOf(roles: readonly string[]): "instructor" | "student" | undefined {
  const is = (name: string) => roles.some((role) => role === `${MEMBERSHIP}#${name}` || role.startsWith(`${MEMBERSHIP}/${name}#`) || role === name);
  if (is("Instructor")) return "instructor";
  if (is("Learner")) return "student";
  return undefined;
}
