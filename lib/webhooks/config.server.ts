import "server-only";
// The webhooks' settings from the environment (ADR 0032, 0033): the address policy and the retry schedule.
import { env } from "../env.server";
import type { RetrySchedule } from "../mail/retry";
import type { NetworkConfig } from "./http.server";
import { webhookRetryScheduleFrom } from "./schedule";
import type { AddressPolicy } from "./url-rules";

export function addressPolicyFromEnv(): AddressPolicy {
  return { allowLoopback: env().WEBHOOK_ALLOW_LOOPBACK === "on" };
}

export function networkConfigFromEnv(): NetworkConfig {
  return { policy: addressPolicyFromEnv() };
}

export function webhookRetryScheduleFromEnv(): RetrySchedule {
  const config = env();
  return webhookRetryScheduleFrom({
    firstDelaySeconds: config.WEBHOOK_RETRY_FIRST_DELAY_SECONDS,
    maxDelaySeconds: config.WEBHOOK_RETRY_MAX_DELAY_SECONDS,
    windowSeconds: config.WEBHOOK_RETRY_WINDOW_SECONDS,
  });
}
