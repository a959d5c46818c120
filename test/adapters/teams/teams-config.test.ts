import { describe, expect, it } from "vitest";
import { botFrameworkOptions, loadTeamsConfig } from "../../../adapters/teams/teams-config.ts";
import { BotError } from "../../../src/core/bot-error.ts";

const appId = "9d5f3a0e-1c2b-4a6d-8e7f-0a1b2c3d4e5f";
const tenant = "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f";
const password = "Very~Secret.Password_42";

function problems(env: Record<string, string>): string {
  try {
    loadTeamsConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).code).toBe("config_invalid");
    return (error as BotError).message;
  }
  throw new Error("expected the configuration to be refused");
}

describe("Teams settings", () => {
  it("reads botbuilder's names and their upper snake case twins, SingleTenant by default", () => {
    const camel = loadTeamsConfig({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: password,
      MicrosoftAppTenantId: tenant,
    });
    const snake = loadTeamsConfig({
      MICROSOFT_APP_ID: appId,
      MICROSOFT_APP_PASSWORD: password,
      MICROSOFT_APP_TENANT_ID: tenant,
    });
    expect(camel).toEqual(snake);
    expect(camel).toMatchObject({
      appId,
      appType: "SingleTenant",
      tenantId: tenant,
      serviceUrl: "https://smba.trafficmanager.net/teams/",
    });
    expect(botFrameworkOptions(camel)).toMatchObject({ MicrosoftAppId: appId, MicrosoftAppType: "SingleTenant" });
    // Without MicrosoftAppType the tenant is required, as for any SingleTenant bot.
    expect(problems({ MicrosoftAppId: appId, MicrosoftAppPassword: password })).toContain(
      "MicrosoftAppTenantId is required for MicrosoftAppType SingleTenant",
    );
  });

  it("still accepts an existing bot's explicit MultiTenant, which needs no tenant", () => {
    const config = loadTeamsConfig({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: password,
      MicrosoftAppType: "MultiTenant",
    });
    expect(config.appType).toBe("MultiTenant");
    expect(botFrameworkOptions(config)).toMatchObject({ MicrosoftAppType: "MultiTenant", MicrosoftAppTenantId: "" });
  });

  it("runs without an app id (Emulator mode) and reads the escalation channel and admins", () => {
    const config = loadTeamsConfig({
      TEAMS_ESCALATION_CONVERSATION: "19:abc@thread.tacv2",
      TEAMS_ADMINS: " 29:one , aad-two ,",
      BotOpenIdMetadata: "https://login.example.com/openid",
    });
    expect(config.appId).toBeUndefined();
    expect(config).toMatchObject({
      escalationConversation: "19:abc@thread.tacv2",
      admins: ["29:one", "aad-two"],
      openIdMetadata: "https://login.example.com/openid",
    });
    expect(botFrameworkOptions(config)).toMatchObject({
      MicrosoftAppId: "",
      BotOpenIdMetadata: "https://login.example.com/openid",
    });
  });

  it("requires a tenant for SingleTenant and says how to fix each problem at once, never showing the password", () => {
    const message = problems({
      MicrosoftAppId: appId,
      MicrosoftAppType: "singletenant",
      MicrosoftAppPassword: password,
    });
    expect(message).toContain("MicrosoftAppTenantId is required for MicrosoftAppType SingleTenant");
    expect(
      loadTeamsConfig({
        MicrosoftAppId: appId,
        MicrosoftAppType: "SingleTenant",
        MicrosoftAppPassword: password,
        MicrosoftAppTenantId: tenant,
      }).tenantId,
    ).toBe(tenant);

    const many = problems({
      MicrosoftAppId: "my-bot",
      MICROSOFT_APP_PASSWORD: password,
      MicrosoftAppPassword: `${password}-other`,
      MicrosoftAppType: "Federated",
      TEAMS_SERVICE_URL: "not a url",
    });
    expect(many).toMatch(/problems/);
    expect(many).toContain("MicrosoftAppId");
    expect(many).toContain("GUID");
    expect(many).toContain("MicrosoftAppType must be one of MultiTenant, SingleTenant, UserAssignedMSI");
    expect(many).toContain("MicrosoftAppPassword and MICROSOFT_APP_PASSWORD are both set to different values");
    expect(many).toContain("TEAMS_SERVICE_URL");
    expect(many).not.toContain(password);
  });

  it("asks for the password of a MultiTenant bot and refuses one for a managed identity", () => {
    expect(problems({ MicrosoftAppId: appId, MicrosoftAppType: "MultiTenant" })).toContain(
      "MicrosoftAppPassword is missing",
    );
    expect(
      problems({
        MicrosoftAppId: appId,
        MicrosoftAppType: "UserAssignedMSI",
        MicrosoftAppTenantId: tenant,
        MicrosoftAppPassword: password,
      }),
    ).toContain("must be unset for MicrosoftAppType UserAssignedMSI");
    expect(problems({ MicrosoftAppPassword: password })).toContain("MicrosoftAppId is missing");
  });
});
