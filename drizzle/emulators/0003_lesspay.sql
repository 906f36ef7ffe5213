CREATE TABLE `lesspay_card_tokens` (
	`token` text PRIMARY KEY NOT NULL,
	`app_id` text NOT NULL,
	`card_masked` text NOT NULL,
	`card_brand` text NOT NULL,
	`expiry_month` integer NOT NULL,
	`expiry_year` integer NOT NULL,
	`holder_name` text NOT NULL,
	`card_outcome` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `lesspay_orders` (
	`pay_order_id` text PRIMARY KEY NOT NULL,
	`pay_order_detail_id` text NOT NULL,
	`pay_order_detail_id_encode` text NOT NULL,
	`app_id` text NOT NULL,
	`request_id` text NOT NULL,
	`target_amount` text NOT NULL,
	`target_currency` text NOT NULL,
	`pay_access_type` integer NOT NULL,
	`notify_url` text NOT NULL,
	`success_url` text NOT NULL,
	`fail_url` text NOT NULL,
	`product_name` text NOT NULL,
	`description` text NOT NULL,
	`status` integer NOT NULL,
	`fail_reason` text,
	`card_masked` text,
	`card_brand` text,
	`card_expiry_month` integer,
	`card_expiry_year` integer,
	`holder_name` text,
	`card_outcome` text,
	`paid_with_token` text,
	`store_requested` integer DEFAULT false NOT NULL,
	`card_token` text,
	`origin` text NOT NULL,
	`awaiting_challenge` integer DEFAULT false NOT NULL,
	`settle_at` integer,
	`callback_behaviour` text DEFAULT 'on_time' NOT NULL,
	`pending_risk_event` text,
	`risk_after_outbox_id` integer,
	`finished_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lesspay_orders_request_idx` ON `lesspay_orders` (`app_id`,`request_id`);--> statement-breakpoint
CREATE INDEX `lesspay_orders_status_idx` ON `lesspay_orders` (`status`);