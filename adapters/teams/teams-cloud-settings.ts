import { CallerIdConstants } from "botbuilder";

/**
 * botframework-connector's AuthenticationConstants and GovernmentConstants (4.23), copied because botbuilder
 * does not re-export them; test/adapters/teams/teams-cloud-settings.test.ts checks they still agree.
 */
export const clouds = {
  public: {
    ToChannelFromBotLoginUrl: "https://login.microsoftonline.com/botframework.com",
    ToChannelFromBotOAuthScope: "https://api.botframework.com",
    ToBotFromChannelTokenIssuer: "https://api.botframework.com",
    OAuthUrl: "https://api.botframework.com",
    ToBotFromEmulatorOpenIdMetadataUrl:
      "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
    CallerId: CallerIdConstants.PublicAzureChannel,
  },
  usGov: {
    ToChannelFromBotLoginUrl: "https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us",
    ToChannelFromBotOAuthScope: "https://api.botframework.us",
    ToBotFromChannelTokenIssuer: "https://api.botframework.us",
    OAuthUrl: "https://api.botframework.azure.us",
    ToBotFromEmulatorOpenIdMetadataUrl:
      "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0/.well-known/openid-configuration",
    CallerId: CallerIdConstants.USGovChannel,
  },
} as const;

/**
 * What ConfigurationBotFrameworkAuthentication needs besides BotOpenIdMetadata. That setting alone is a
 * trap: any one "parameterized" value makes botbuilder use only the values given and leave the rest
 * (token issuer, login URL, OAuth scope) empty, so every genuine token fails the issuer check and gets
 * 401. With a metadata URL we pass the whole set of its cloud (US Government when the URL's host is in
 * .us, else public Azure), changing only where the signing keys come from.
 */
export function cloudSettings(metadataUrl: string | undefined): Record<string, string | boolean> {
  if (!metadataUrl) return {};
  const cloud = /\.us$/i.test(new URL(metadataUrl).hostname) ? clouds.usGov : clouds.public;
  return {
    ...cloud,
    BotOpenIdMetadata: metadataUrl,
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ValidateAuthority: true,
  };
}
