-- CreateTable
CREATE TABLE "EscalationAnswer" (
    "id" TEXT NOT NULL,
    "escalationId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EscalationAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EscalationAnswer_escalationId_createdAt_idx" ON "EscalationAnswer"("escalationId", "createdAt");

-- AddForeignKey
ALTER TABLE "EscalationAnswer" ADD CONSTRAINT "EscalationAnswer_escalationId_fkey" FOREIGN KEY ("escalationId") REFERENCES "Escalation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationAnswer" ADD CONSTRAINT "EscalationAnswer_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
