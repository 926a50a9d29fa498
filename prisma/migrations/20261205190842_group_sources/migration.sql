-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "groupId" TEXT;

-- CreateIndex
CREATE INDEX "Source_groupId_idx" ON "Source"("groupId");

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
