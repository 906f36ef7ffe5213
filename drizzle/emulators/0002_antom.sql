CREATE TABLE `antom_card_tokens` (
	`token` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`card_masked` text NOT NULL,
	`card_brand` text NOT NULL,
	`funding` text NOT NULL,
	`issuing_country` text NOT NULL,
	`expiry_month` text NOT NULL,
	`expiry_year` text NOT NULL,
	`holder_first_name` text NOT NULL,
	`holder_last_name` text NOT NULL,
	`card_outcome` text NOT NULL,
	`network_transaction_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `antom_payments` (
	`payment_id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`payment_request_id` text NOT NULL,
	`request_hash` text NOT NULL,
	`first_answer` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`result_code` text NOT NULL,
	`result_message` text NOT NULL,
	`capture_mode` text NOT NULL,
	`captured_minor` integer DEFAULT 0 NOT NULL,
	`capture_closed` integer DEFAULT false NOT NULL,
	`refunded_minor` integer DEFAULT 0 NOT NULL,
	`card_masked` text NOT NULL,
	`card_brand` text NOT NULL,
	`funding` text NOT NULL,
	`issuing_country` text NOT NULL,
	`expiry_month` text NOT NULL,
	`expiry_year` text NOT NULL,
	`holder_first_name` text NOT NULL,
	`holder_last_name` text NOT NULL,
	`card_outcome` text NOT NULL,
	`avs_result_raw` text NOT NULL,
	`cvv_result_raw` text NOT NULL,
	`network_transaction_id` text NOT NULL,
	`three_ds_result` text,
	`tokenize_requested` integer DEFAULT false NOT NULL,
	`card_token` text,
	`paid_with_token` text,
	`merchant_initiated_type` text,
	`payment_notify_url` text,
	`payment_redirect_url` text,
	`origin` text NOT NULL,
	`awaiting_challenge` integer DEFAULT false NOT NULL,
	`settle_at` integer,
	`payment_time` integer,
	`callback_behaviour` text DEFAULT 'on_time' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `antom_payments_request_idx` ON `antom_payments` (`client_id`,`payment_request_id`);--> statement-breakpoint
CREATE INDEX `antom_payments_status_idx` ON `antom_payments` (`status`);--> statement-breakpoint
CREATE TABLE `antom_transactions` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`client_id` text NOT NULL,
	`request_id` text NOT NULL,
	`request_hash` text NOT NULL,
	`first_answer` text NOT NULL,
	`payment_id` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text DEFAULT 'SUCCESS' NOT NULL,
	`reason` text,
	`notify_url` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `antom_payments`(`payment_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `antom_transactions_request_idx` ON `antom_transactions` (`client_id`,`kind`,`request_id`);--> statement-breakpoint
CREATE INDEX `antom_transactions_payment_idx` ON `antom_transactions` (`payment_id`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `ack_rule` text DEFAULT 'any_2xx' NOT NULL;