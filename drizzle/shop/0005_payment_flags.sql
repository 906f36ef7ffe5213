ALTER TABLE `payments` ADD `save_card` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `merchant_initiated` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `start_answer_unknown` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `next_action_sdk_trigger` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `card_expiry` text;--> statement-breakpoint
-- The shop's own flags and the typed card leave the provider's references (provider_data) for the columns above.
UPDATE `payments` SET
  `save_card` = coalesce(json_extract(`provider_data`, '$.saveCard') = '1', 0),
  `merchant_initiated` = coalesce(json_extract(`provider_data`, '$.merchantInitiated') = '1', 0),
  `start_answer_unknown` = coalesce(json_extract(`provider_data`, '$.startAnswer') = 'unknown', 0),
  `next_action_sdk_trigger` = json_extract(`provider_data`, '$.sdkTrigger'),
  `card_brand` = coalesce(`card_brand`, json_extract(`provider_data`, '$.cardBrand')),
  `card_last4` = coalesce(`card_last4`, json_extract(`provider_data`, '$.cardLast4')),
  `card_expiry` = json_extract(`provider_data`, '$.cardExpiry'),
  `provider_data` = json_remove(`provider_data`, '$.saveCard', '$.merchantInitiated', '$.startAnswer', '$.sdkTrigger', '$.cardBrand', '$.cardLast4', '$.cardExpiry')
WHERE `provider_data` IS NOT NULL;
