CREATE TABLE `pingpong_adjustments` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`acc_id` text NOT NULL,
	`request_id` text NOT NULL,
	`transaction_id` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`notification_url` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`transaction_id`) REFERENCES `pingpong_transactions`(`transaction_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pingpong_adjustments_request_idx` ON `pingpong_adjustments` (`acc_id`,`kind`,`request_id`);--> statement-breakpoint
CREATE TABLE `pingpong_risk_inits` (
	`three_d_init_trans_id` text PRIMARY KEY NOT NULL,
	`acc_id` text NOT NULL,
	`request_id` text NOT NULL,
	`card_bin` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `pingpong_risk_inits_request_idx` ON `pingpong_risk_inits` (`acc_id`,`request_id`);--> statement-breakpoint
CREATE TABLE `pingpong_transactions` (
	`transaction_id` text PRIMARY KEY NOT NULL,
	`acc_id` text NOT NULL,
	`client_id` text NOT NULL,
	`request_id` text NOT NULL,
	`merchant_transaction_id` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`status` text NOT NULL,
	`result_code` text NOT NULL,
	`result_description` text NOT NULL,
	`method_type` text NOT NULL,
	`card_masked` text,
	`card_brand` text,
	`capture_delay_hours` integer DEFAULT 0 NOT NULL,
	`notification_url` text NOT NULL,
	`pay_result_url` text NOT NULL,
	`pay_cancel_url` text,
	`close_notification_url` text,
	`merchant_user_id` text,
	`customer_email` text,
	`origin` text NOT NULL,
	`awaiting_challenge` integer DEFAULT false NOT NULL,
	`settle_at` integer,
	`qr_expires_at` integer,
	`succeeded_at` integer,
	`refunded_minor` integer DEFAULT 0 NOT NULL,
	`callback_behaviour` text DEFAULT 'on_time' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pingpong_transactions_merchant_idx` ON `pingpong_transactions` (`acc_id`,`merchant_transaction_id`);--> statement-breakpoint
CREATE INDEX `pingpong_transactions_status_idx` ON `pingpong_transactions` (`status`);