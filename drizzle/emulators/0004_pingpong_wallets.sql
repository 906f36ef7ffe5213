CREATE TABLE `pingpong_wallet_auths` (
	`auth_id` text PRIMARY KEY NOT NULL,
	`acc_id` text NOT NULL,
	`client_id` text NOT NULL,
	`request_id` text NOT NULL,
	`merchant_user_id` text NOT NULL,
	`wallet_type` text NOT NULL,
	`merchant_result_url` text NOT NULL,
	`notification_url` text,
	`status` text NOT NULL,
	`code` text,
	`token` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pingpong_wallet_auths_code_unique` ON `pingpong_wallet_auths` (`code`);--> statement-breakpoint
CREATE TABLE `pingpong_wallet_payments` (
	`transaction_id` text PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`transaction_id`) REFERENCES `pingpong_transactions`(`transaction_id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `pingpong_wallet_tokens` (
	`token` text PRIMARY KEY NOT NULL,
	`flow` text NOT NULL,
	`acc_id` text NOT NULL,
	`client_id` text NOT NULL,
	`request_id` text NOT NULL,
	`merchant_user_id` text NOT NULL,
	`wallet_type` text NOT NULL,
	`merchant_result_url` text NOT NULL,
	`notification_url` text,
	`order_terminal` text,
	`status` text NOT NULL,
	`unbind_source` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `pingpong_wallet_tokens_request_idx` ON `pingpong_wallet_tokens` (`acc_id`,`flow`,`request_id`);