-- CreateEnum
CREATE TYPE "ChatStatus" AS ENUM ('WAITING', 'ACTIVE', 'ENDED', 'ABANDONED', 'LEFT_MESSAGE');

-- CreateEnum
CREATE TYPE "ChatAuthor" AS ENUM ('CUSTOMER', 'AGENT', 'SYSTEM');

-- CreateEnum
CREATE TYPE "CtiCallState" AS ENUM ('RINGING', 'ANSWERED', 'ENDED', 'ABANDONED');

-- AlterTable
ALTER TABLE "TicketCategory" ADD COLUMN     "chat" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "CallRecord" ADD COLUMN     "draft" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "waitSec" INTEGER;

-- CreateTable
CREATE TABLE "LiveTopic" (
    "topic" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LiveTopic_pkey" PRIMARY KEY ("topic")
);

-- CreateTable
CREATE TABLE "ChatSession" (
    "id" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "organisationId" TEXT,
    "audience" "Audience" NOT NULL,
    "categoryId" TEXT NOT NULL,
    "lineKey" TEXT NOT NULL,
    "status" "ChatStatus" NOT NULL DEFAULT 'WAITING',
    "isPartner" BOOLEAN NOT NULL DEFAULT false,
    "agentId" TEXT,
    "teamId" TEXT,
    "ticketId" TEXT,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "customerTypingAt" TIMESTAMP(3),
    "agentTypingAt" TIMESTAMP(3),
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "resolvedInChat" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChatSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatMessage" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "author" "ChatAuthor" NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CtiCall" (
    "id" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "queue" TEXT,
    "callerNumber" TEXT,
    "callerId" TEXT,
    "agentId" TEXT,
    "state" "CtiCallState" NOT NULL DEFAULT 'RINGING',
    "ringingAt" TIMESTAMP(3) NOT NULL,
    "answeredAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "waitSec" INTEGER,
    "callRecordId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CtiCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CtiEvent" (
    "id" TEXT NOT NULL,
    "callId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CtiEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChatSession_status_isPartner_queuedAt_idx" ON "ChatSession"("status", "isPartner", "queuedAt");

-- CreateIndex
CREATE INDEX "ChatSession_agentId_status_idx" ON "ChatSession"("agentId", "status");

-- CreateIndex
CREATE INDEX "ChatSession_requesterId_status_idx" ON "ChatSession"("requesterId", "status");

-- CreateIndex
CREATE INDEX "ChatSession_createdAt_idx" ON "ChatSession"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChatMessage_sessionId_seq_key" ON "ChatMessage"("sessionId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "CtiCall_externalId_key" ON "CtiCall"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "CtiCall_callRecordId_key" ON "CtiCall"("callRecordId");

-- CreateIndex
CREATE INDEX "CtiCall_ringingAt_idx" ON "CtiCall"("ringingAt");

-- CreateIndex
CREATE INDEX "CtiCall_agentId_state_idx" ON "CtiCall"("agentId", "state");

-- CreateIndex
CREATE INDEX "CtiEvent_callId_idx" ON "CtiEvent"("callId");

-- CreateIndex
CREATE INDEX "CallRecord_agentId_draft_idx" ON "CallRecord"("agentId", "draft");

-- AddForeignKey
ALTER TABLE "ChatSession" ADD CONSTRAINT "ChatSession_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatSession" ADD CONSTRAINT "ChatSession_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatSession" ADD CONSTRAINT "ChatSession_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "TicketCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatSession" ADD CONSTRAINT "ChatSession_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChatMessage" ADD CONSTRAINT "ChatMessage_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ChatSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CtiCall" ADD CONSTRAINT "CtiCall_callerId_fkey" FOREIGN KEY ("callerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CtiCall" ADD CONSTRAINT "CtiCall_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CtiCall" ADD CONSTRAINT "CtiCall_callRecordId_fkey" FOREIGN KEY ("callRecordId") REFERENCES "CallRecord"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CtiEvent" ADD CONSTRAINT "CtiEvent_callId_fkey" FOREIGN KEY ("callId") REFERENCES "CtiCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;
